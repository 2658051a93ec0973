package dev.frontier.route;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits the learned router's model: Tribuo's logistic regression ({@link LinearSGDTrainer} with {@link LogMulticlass}
 * and AdaGrad, the settings of Tribuo's {@code LogisticRegressionTrainer}, but seeded) on features standardized with
 * the training items' means and standard deviations, labelled "good" when the cheap answer was within the margin
 * of the dear one. The two-class softmax is turned into one logistic function (weights of "good" minus weights of
 * "bad"), which is what the exported {@link Policy.Learned} carries.
 */
final class LearnedRouter {

    static final String GOOD = "good";
    static final String BAD = "bad";
    static final int EPOCHS = 5;
    // a fixed date in the data provenance: Tribuo records one, and this package reads no clock
    private static final OffsetDateTime PROVENANCE_TIME = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
    // Tribuo reports every fit at INFO through java.util.logging, i.e. on standard error of every command; the
    // logger is held here so that the level set on it is not lost when it is collected
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    static {
        TRIBUO.setLevel(Level.WARNING);
    }

    private LearnedRouter() {
    }

    /** The fitted model in the exported form. */
    record Fit(double[] means, double[] scales, double[] weights, double intercept) {
        double probability(double[] row) {
            return Linear.probability(row, means, scales, weights, intercept);
        }
    }

    /** The Tribuo model with the fit read off it (the model is kept for tests that compare its predictions). */
    record Trained(Fit fit, LinearSGDModel model) {
    }

    /**
     * Fits on the rows where {@code use} is true (all when null). With one class only among them the model is the
     * constant log-odds (with ½ added to each count): nothing to learn, and Tribuo needs two labels.
     */
    static Trained fit(List<String> names, double[][] rows, boolean[] use, boolean[] good, long seed) {
        int d = names.size();
        double[] means = new double[d];
        double[] scales = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < rows.length; i++) {
                if ((use == null || use[i]) && !Double.isNaN(rows[i][j])) {
                    sum += rows[i][j];
                    count++;
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            double ss = 0;
            for (int i = 0; i < rows.length; i++) {
                if ((use == null || use[i]) && !Double.isNaN(rows[i][j])) {
                    ss += (rows[i][j] - mean) * (rows[i][j] - mean);
                }
            }
            double sd = count < 2 ? 0 : Math.sqrt(ss / (count - 1));
            means[j] = mean;
            scales[j] = sd > 0 ? sd : 1;
        }
        int positives = 0;
        int negatives = 0;
        for (int i = 0; i < rows.length; i++) {
            if (use == null || use[i]) {
                if (good[i]) {
                    positives++;
                } else {
                    negatives++;
                }
            }
        }
        if (positives == 0 || negatives == 0) {
            double logOdds = Math.log((positives + 0.5) / (negatives + 0.5));
            return new Trained(new Fit(means, scales, new double[d], logOdds), null);
        }

        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("frontier routing features", PROVENANCE_TIME, factory), factory);
        String[] featureNames = names.toArray(String[]::new);
        Label goodLabel = new Label(GOOD);
        Label badLabel = new Label(BAD);
        for (int i = 0; i < rows.length; i++) {
            if (use != null && !use[i]) {
                continue;
            }
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                double v = rows[i][j];
                z[j] = Double.isNaN(v) ? 0 : (v - means[j]) / scales[j];
            }
            dataset.add(new ArrayExample<>(good[i] ? goodLabel : badLabel, featureNames, z));
        }
        // a fresh trainer per fit: Tribuo advances a trainer's generator on every call, which would make a fit
        // depend on the fits before it
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), EPOCHS, -1, 1,
                seed);
        LinearSGDModel model = trainer.train(dataset);
        DenseMatrix w = model.getWeightsCopy();
        int g = model.getOutputIDInfo().getID(goodLabel);
        int b = model.getOutputIDInfo().getID(badLabel);
        ImmutableFeatureMap features = model.getFeatureIDMap();
        double[] weights = new double[d];
        for (int j = 0; j < d; j++) {
            int id = features.getID(featureNames[j]);
            weights[j] = id < 0 ? 0 : w.get(g, id) - w.get(b, id);
        }
        int bias = w.getDimension2Size() - 1;
        double intercept = w.get(g, bias) - w.get(b, bias);
        return new Trained(new Fit(means, scales, weights, intercept), model);
    }
}
