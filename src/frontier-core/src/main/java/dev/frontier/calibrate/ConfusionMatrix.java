package dev.frontier.calibrate;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of human against scorer values on a discrete scale: {@code counts[h][s]} ratings where people gave the
 * scale point {@code labels[h]} and the scorer {@code labels[s]}. Immutable: the counts are copied in and out.
 *
 * @param labels the scale points, ascending
 * @param counts rows the human's point, columns the scorer's
 */
public record ConfusionMatrix(List<String> labels, long[][] counts) {

    /**
     * Copies the labels and counts.
     *
     * @throws IllegalArgumentException unless counts is a square, non-negative matrix with a row per label
     */
    public ConfusionMatrix {
        labels = List.copyOf(labels);
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException("need a row per label: " + labels.size() + " labels, "
                    + counts.length + " rows");
        }
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != labels.size()) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " counts, need "
                        + labels.size());
            }
            copy[i] = counts[i].clone();
            if (Arrays.stream(copy[i]).anyMatch(c -> c < 0)) {
                throw new IllegalArgumentException("counts must not be negative, row " + i + ": "
                        + Arrays.toString(copy[i]));
            }
        }
        counts = copy;
    }

    /** A copy of the counts. */
    @Override
    public long[][] counts() {
        return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    /** The number of ratings counted. */
    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** The share of ratings where scorer and human chose the same point; {@code NaN} when there are none. */
    public double accuracy() {
        long agree = 0;
        for (int i = 0; i < counts.length; i++) {
            agree += counts[i][i];
        }
        return (double) agree / total();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && labels.equals(other.labels)
                && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[labels=" + labels + ", counts=" + Arrays.deepToString(counts) + "]";
    }
}
