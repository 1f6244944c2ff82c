package dev.marquee.backend.encoding;

/** Where an encoding job is. Jobs move forward through the list; COMPLETED and FAILED are final. */
public enum JobState {
    QUEUED, PROBING, ANALYSING, ENCODING, PACKAGING, PUBLISHING, COMPLETED, FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
