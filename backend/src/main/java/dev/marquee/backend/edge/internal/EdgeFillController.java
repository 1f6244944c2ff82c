package dev.marquee.backend.edge.internal;

import dev.marquee.backend.edge.fill.FillPlan;
import dev.marquee.model.ApiPaths;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SRE API for proactive fills: plans, progress, and "fill now" for a node, a region or a title. */
@RestController
@RequestMapping(EdgeFillController.BASE)
class EdgeFillController {

    static final String BASE = ApiPaths.OPS + "/edge/fills";

    private final EdgeFills fills;

    EdgeFillController(EdgeFills fills) {
        this.fills = fills;
    }

    @GetMapping
    List<EdgeFills.NodeFill> fills() {
        return fills.fills();
    }

    @GetMapping("/nodes/{nodeId}/plan")
    FillPlan plan(@PathVariable String nodeId) {
        return fills.planFor(nodeId);
    }

    @PostMapping("/nodes/{nodeId}")
    EdgeFills.PlanSummary fillNode(@PathVariable String nodeId) {
        return fills.fillNow(nodeId);
    }

    @PostMapping("/regions/{region}")
    Map<String, List<String>> fillRegion(@PathVariable String region) {
        return Map.of("nodes", fills.fillRegion(region));
    }

    @PostMapping("/titles/{titleId}")
    Map<String, Integer> fillTitle(@PathVariable String titleId) {
        return Map.of("objectsRequested", fills.fillTitle(titleId));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
