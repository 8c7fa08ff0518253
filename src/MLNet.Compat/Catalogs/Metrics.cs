using System;
using System.Collections.Generic;
using System.Linq;

namespace Microsoft.ML.Data
{
    /// <summary>
    /// Multiclass metrics over N labelled rows: micro accuracy (fraction correct), macro accuracy (mean per-class
    /// recall over the classes present), log loss <c>−(1/N)Σ ln max(p_y, 1e-15)</c>, its reduction relative to the
    /// prior (class frequencies of the data), per-class log loss and top-k accuracy.
    /// </summary>
    public sealed class MulticlassClassificationMetrics
    {
        internal MulticlassClassificationMetrics(double micro, double macro, double logLoss, double reduction, IReadOnlyList<double> perClass, int topK, IReadOnlyList<double> topKForAll)
        {
            MicroAccuracy = micro;
            MacroAccuracy = macro;
            LogLoss = logLoss;
            LogLossReduction = reduction;
            PerClassLogLoss = perClass;
            TopKPredictionCount = topK;
            TopKAccuracyForAllK = topKForAll;
            TopKAccuracy = topK > 0 ? topKForAll[topK - 1] : 0;
        }

        public double MicroAccuracy { get; }

        public double MacroAccuracy { get; }

        public double LogLoss { get; }

        public double LogLossReduction { get; }

        public IReadOnlyList<double> PerClassLogLoss { get; }

        public int TopKPredictionCount { get; }

        public double TopKAccuracy { get; }

        public IReadOnlyList<double> TopKAccuracyForAllK { get; }
    }

    /// <summary>Regression metrics: MAE, MSE, RMSE, R² = 1 − SS_res/SS_tot, and the loss (squared error) averaged.</summary>
    public sealed class RegressionMetrics
    {
        internal RegressionMetrics(double mae, double mse, double rSquared)
        {
            MeanAbsoluteError = mae;
            MeanSquaredError = mse;
            RootMeanSquaredError = Math.Sqrt(mse);
            RSquared = rSquared;
            LossFunction = mse;
        }

        public double MeanAbsoluteError { get; }

        public double MeanSquaredError { get; }

        public double RootMeanSquaredError { get; }

        public double RSquared { get; }

        public double LossFunction { get; }
    }

    /// <summary>Binary metrics from predicted labels and scores: accuracy, AUC, area under the precision-recall curve, F1, precision and recall per class.</summary>
    public class BinaryClassificationMetrics
    {
        private protected BinaryClassificationMetrics(bool[] labels, float[] scores, bool[] predicted)
        {
            var tp = Count(labels, predicted, true, true);
            var tn = Count(labels, predicted, false, false);
            var fp = Count(labels, predicted, false, true);
            var fn = Count(labels, predicted, true, false);
            Accuracy = (double)(tp + tn) / labels.Length;
            PositivePrecision = Ratio(tp, tp + fp);
            PositiveRecall = Ratio(tp, tp + fn);
            NegativePrecision = Ratio(tn, tn + fn);
            NegativeRecall = Ratio(tn, tn + fp);
            F1Score = PositivePrecision + PositiveRecall == 0 ? 0 : 2 * PositivePrecision * PositiveRecall / (PositivePrecision + PositiveRecall);
            AreaUnderRocCurve = Auc(labels, scores);
            AreaUnderPrecisionRecallCurve = AveragePrecision(labels, scores);
        }

        public double Accuracy { get; }

        public double AreaUnderRocCurve { get; }

        public double AreaUnderPrecisionRecallCurve { get; }

        public double F1Score { get; }

        public double PositivePrecision { get; }

        public double PositiveRecall { get; }

        public double NegativePrecision { get; }

        public double NegativeRecall { get; }

        private static int Count(bool[] labels, bool[] predicted, bool label, bool prediction) =>
            labels.Where((l, i) => l == label && predicted[i] == prediction).Count();

        private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

        /// <summary>The probability that a random positive scores above a random negative (ties count half), by ranks.</summary>
        private static double Auc(bool[] labels, float[] scores)
        {
            var positives = labels.Count(l => l);
            var negatives = labels.Length - positives;
            if (positives == 0 || negatives == 0)
            {
                return 0;
            }
            var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
            var ranks = new double[scores.Length];
            for (var i = 0; i < order.Length;)
            {
                var j = i;
                while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
                {
                    j++;
                }
                for (var k = i; k <= j; k++)
                {
                    ranks[order[k]] = (i + j) / 2.0 + 1;
                }
                i = j + 1;
            }
            var positiveRankSum = labels.Select((l, i) => l ? ranks[i] : 0).Sum();
            return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
        }

        /// <summary>Average precision: Σ over positives, by descending score, of the precision at their rank, over the positives.</summary>
        private static double AveragePrecision(bool[] labels, float[] scores)
        {
            var positives = labels.Count(l => l);
            if (positives == 0)
            {
                return 0;
            }
            double sum = 0;
            var seen = 0;
            var rank = 0;
            foreach (var i in Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]))
            {
                rank++;
                if (labels[i])
                {
                    seen++;
                    sum += (double)seen / rank;
                }
            }
            return sum / positives;
        }
    }

    /// <summary>
    /// Binary metrics for a classifier that outputs probabilities, adding log loss in bits
    /// <c>−(1/N)Σ [y·log₂ p + (1 − y)·log₂(1 − p)]</c>, the label entropy and the log-loss reduction relative to it.
    /// </summary>
    public sealed class CalibratedBinaryClassificationMetrics : BinaryClassificationMetrics
    {
        internal CalibratedBinaryClassificationMetrics(bool[] labels, float[] scores, float[] probabilities, bool[] predicted)
            : base(labels, scores, predicted)
        {
            const double floor = 1e-15;
            LogLoss = -labels.Select((l, i) => Math.Log(Math.Max(l ? probabilities[i] : 1 - probabilities[i], floor), 2)).Average();
            var prior = labels.Count(l => l) / (double)labels.Length;
            Entropy = prior is 0 or 1 ? 0 : -(prior * Math.Log(prior, 2)) - ((1 - prior) * Math.Log(1 - prior, 2));
            LogLossReduction = Entropy == 0 ? 0 : (Entropy - LogLoss) / Entropy;
        }

        public double LogLoss { get; }

        public double LogLossReduction { get; }

        public double Entropy { get; }
    }
}
