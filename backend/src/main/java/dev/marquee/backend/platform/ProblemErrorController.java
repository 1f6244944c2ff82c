package dev.marquee.backend.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, for failures that never reached a controller (a filter threw, the
 * container refused the request). Replaces Spring Boot's whitelabel page: always a problem, never a stack
 * trace or exception message.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Without an error status this is someone asking for /error itself: there is nothing there.
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (cause instanceof Throwable t && causedBy(t, RequestBodyTooLargeException.class)) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        }
        ProblemDetail problem;
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            problem = ProblemDetail.forStatusAndDetail(status, "The request body is too large.");
        } else if (status.is5xxServerError()) {
            problem = ProblemHandling.internalError();
        } else {
            problem = ProblemDetail.forStatus(status);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // Leave instance empty rather than fail while reporting a failure.
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
