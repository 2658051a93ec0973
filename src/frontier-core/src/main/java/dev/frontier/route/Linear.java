package dev.frontier.route;

/** The logistic model's arithmetic, shared by the analysis and the exported {@link Policy.Learned}. */
final class Linear {
    private Linear() {
    }

    static double probability(double[] x, double[] means, double[] scales, double[] weights, double intercept) {
        double z = intercept;
        for (int j = 0; j < weights.length; j++) {
            double v = x[j];
            if (!Double.isNaN(v)) {
                z += weights[j] * (v - means[j]) / scales[j];
            }
        }
        return 1 / (1 + Math.exp(-z));
    }
}
