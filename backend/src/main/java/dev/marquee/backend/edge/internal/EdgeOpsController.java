package dev.marquee.backend.edge.internal;

import dev.marquee.backend.edge.EdgeAdminState;
import dev.marquee.backend.edge.EdgeManagement;
import dev.marquee.backend.edge.EdgeNodeView;
import dev.marquee.model.ApiPaths;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SRE API for the edge fleet: nodes with their stats and contents, and admin state changes. */
@RestController
@RequestMapping(EdgeOpsController.BASE)
class EdgeOpsController {

    static final String BASE = ApiPaths.OPS + "/edge";

    private final EdgeManagement edges;

    EdgeOpsController(EdgeManagement edges) {
        this.edges = edges;
    }

    /** Body of {@code PUT .../nodes/{id}/state}. */
    record StateChange(EdgeAdminState state) {}

    @GetMapping("/nodes")
    List<EdgeNodeView> nodes() {
        return edges.nodes();
    }

    @GetMapping("/nodes/{id}")
    EdgeNodeView node(@PathVariable String id) {
        return edges.node(id).orElseThrow(() -> new NoSuchElementException("no edge node '" + id + "'"));
    }

    @PutMapping("/nodes/{id}/state")
    EdgeNodeView setState(@PathVariable String id, @RequestBody StateChange change) {
        if (change.state() == null) {
            throw new IllegalArgumentException("state is required: one of UP, DRAINING, DOWN");
        }
        return edges.setState(id, change.state());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
