package dev.ouroboros.core;

import java.util.Objects;

/**
 * What happened to one candidate in the cascade.
 *
 * @param candidateId the mutation candidate's id
 * @param operator    the operator that produced it
 * @param stage       the last gate it reached
 * @param detail      why it stopped there (compiler line, rule, failing test), never null
 * @param speedup     original median time / candidate median time; {@code NaN} when not timed
 */
public record CandidateReport(String candidateId, String operator, CandidateStage stage, String detail, double speedup) {

    /** Validates the report. */
    public CandidateReport {
        Objects.requireNonNull(candidateId, "candidateId must not be null");
        Objects.requireNonNull(operator, "operator must not be null");
        Objects.requireNonNull(stage, "stage must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
    }
}
