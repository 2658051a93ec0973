package dev.frontier.calibrate;

import java.util.Objects;

/**
 * One scorer score and one human score (already aggregated over annotators) for the same item and candidate
 * output.
 *
 * @param itemId      the dataset item
 * @param candidateId the candidate whose output was rated
 * @param scorer      the scorer's score
 * @param human       the human score
 */
public record Rating(String itemId, String candidateId, double scorer, double human) {

    /**
     * Checks the rating.
     *
     * @throws IllegalArgumentException when a score is not finite
     */
    public Rating {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(candidateId, "candidateId");
        if (!Double.isFinite(scorer) || !Double.isFinite(human)) {
            throw new IllegalArgumentException("scores of item " + itemId + ", candidate " + candidateId
                    + " must be finite, got scorer " + scorer + " and human " + human);
        }
    }
}
