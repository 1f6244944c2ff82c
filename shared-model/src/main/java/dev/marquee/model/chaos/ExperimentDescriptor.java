package dev.marquee.model.chaos;

import java.util.List;

/** One entry of the experiment catalog: what the experiment does and which request fields it reads. */
public record ExperimentDescriptor(ExperimentType type, String name, String description, List<Parameter> parameters) {

    /** A request field: its name in {@link ExperimentRequest} (scope fields as {@code scope.zone}), type, and meaning. */
    public record Parameter(String name, String type, boolean required, String description) {}
}
