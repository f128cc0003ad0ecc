package io.vocedge.device.insights.model;

/**
 * Turning raw scores into probabilities that mean what they say, fitted on out-of-fold predictions of the training
 * corpus: one temperature for the sentiment softmax (Guo et al. 2017, "On calibration of modern neural networks"),
 * Platt scaling for each yes/no head (Platt 1999, with his smoothed targets), and the decision threshold that gives
 * the best F1 on those predictions. Deterministic: fixed searches, {@link StrictMath} only.
 */
final class Calibration {
    private Calibration() {}

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1 + e);
    }

    static double[] softmax(double[] z, int from, int n, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, z[from + i] / temperature);
        }
        double sum = 0;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = StrictMath.exp(z[from + i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The temperature (0.25..4) that minimises the negative log-likelihood of the sentiment labels. */
    static double temperature(double[][] logits, int[] label) {
        double lo = StrictMath.log(0.25);
        double hi = StrictMath.log(4);
        double phi = (StrictMath.sqrt(5) - 1) / 2;
        for (int it = 0; it < 80; it++) {
            double a = hi - phi * (hi - lo);
            double b = lo + phi * (hi - lo);
            if (nll(logits, label, StrictMath.exp(a)) <= nll(logits, label, StrictMath.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return StrictMath.exp((lo + hi) / 2);
    }

    private static double nll(double[][] logits, int[] label, double t) {
        double s = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] p = softmax(logits[i], 0, Labels.SENTIMENT_HEADS, t);
            s -= StrictMath.log(Math.max(1e-12, p[label[i]]));
        }
        return s;
    }

    /**
     * Platt scaling {a, b} for one head: p = sigmoid(a z + b), fitted by Newton's method with backtracking line search
     * on Platt's smoothed targets (Lin, Lin and Weng 2007: plain Newton can diverge when a head separates well).
     */
    static double[] platt(double[] z, boolean[] y) {
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        int neg = y.length - pos;
        double hiT = (pos + 1.0) / (pos + 2.0);
        double loT = 1.0 / (neg + 2.0);
        double[] t = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            t[i] = y[i] ? hiT : loT;
        }
        double a = 1;
        double b = 0;
        double f = plattLoss(z, t, a, b);
        for (int it = 0; it < 100; it++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < z.length; i++) {
                double p = sigmoid(a * z[i] + b);
                double d = p - t[i];
                double w = p * (1 - p);
                ga += d * z[i];
                gb += d;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            if (Math.abs(ga) < 1e-7 && Math.abs(gb) < 1e-7) {
                break;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double slope = ga * da + gb * db;
            double step = 1;
            boolean moved = false;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = plattLoss(z, t, na, nb);
                if (nf < f + 1e-4 * step * slope) {
                    a = na;
                    b = nb;
                    f = nf;
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double plattLoss(double[] z, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < z.length; i++) {
            double x = a * z[i] + b;
            // log(1 + e^x) - t x, computed without overflow
            f += (x >= 0 ? x + StrictMath.log1p(StrictMath.exp(-x)) : StrictMath.log1p(StrictMath.exp(x))) - t[i] * x;
        }
        return f;
    }

    /**
     * The threshold on calibrated probability with the best F1 (grid 0.10..0.90), pulled a quarter of the way towards 0.5 so a few
     * lucky examples of a rare topic cannot drag it far; 0.5 when the head never fired in training.
     */
    static double threshold(double[] p, boolean[] y) {
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        if (pos == 0) {
            return 0.5;
        }
        double best = 0.5;
        double bestF1 = -1;
        for (int g = 10; g <= 90; g++) {
            double t = g / 100.0;
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] >= t) {
                    if (y[i]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            double f1 = 2.0 * tp / (2.0 * tp + fp + (pos - tp));
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                best = t;
            }
        }
        return 0.75 * best + 0.25 * 0.5;
    }
}
