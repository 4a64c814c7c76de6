package io.isthmus.insight.rul;

import org.tribuo.Trainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * The learners a RUL model can be trained with, each a Tribuo trainer with its hyper-parameters and
 * a fixed seed so that training is reproducible. docs/insight.md records how they were compared.
 */
public sealed interface RulAlgorithm permits RulAlgorithm.RandomForest, RulAlgorithm.GradientBoosting {

    /** The chosen learner: gradient-boosted trees, picked on a validation split of the training engines. */
    RulAlgorithm DEFAULT = new GradientBoosting(150, 0.1, 3, 5, 0.8, 0.8, 1, 42);

    Trainer<Regressor> trainer();

    /** Breiman's random forest: CART trees on bootstrap samples, a random feature subset per split. */
    record RandomForest(int trees, int maxDepth, float featureFraction, float minChildWeight, long seed)
            implements RulAlgorithm {
        public RandomForest {
            RulAlgorithms.range("trees", trees, 1, 10_000);
            RulAlgorithms.range("maxDepth", maxDepth, 1, 64);
            RulAlgorithms.range("featureFraction", featureFraction, 0.01, 1);
            RulAlgorithms.range("minChildWeight", minChildWeight, 1, 1e6);
        }

        @Override
        public Trainer<Regressor> trainer() {
            var cart = new CARTRegressionTrainer(
                    maxDepth, minChildWeight, 0f, featureFraction, false, new MeanSquaredError(), seed);
            return new RandomForestTrainer<>(cart, new AveragingCombiner(), trees, seed);
        }
    }

    /**
     * Gradient-boosted regression trees through XGBoost (Chen and Guestrin 2016), via Tribuo's
     * binding; the native library ships inside the xgboost4j jar for Linux, macOS and Windows.
     * Histogram split finding; one thread by default, because OpenMP's spinning threads collapse on
     * a busy machine and a single thread trains FD001 in seconds anyway.
     */
    record GradientBoosting(
            int rounds,
            double eta,
            int maxDepth,
            double minChildWeight,
            double subsample,
            double featureSubsample,
            int threads,
            long seed)
            implements RulAlgorithm {
        public GradientBoosting {
            RulAlgorithms.range("rounds", rounds, 1, 100_000);
            RulAlgorithms.range("eta", eta, 1e-4, 1);
            RulAlgorithms.range("maxDepth", maxDepth, 1, 32);
            RulAlgorithms.range("minChildWeight", minChildWeight, 0, 1e6);
            RulAlgorithms.range("subsample", subsample, 0.01, 1);
            RulAlgorithms.range("featureSubsample", featureSubsample, 0.01, 1);
            RulAlgorithms.range("threads", threads, 1, 1024);
        }

        @Override
        public Trainer<Regressor> trainer() {
            return new XGBoostRegressionTrainer(
                    XGBoostTrainer.BoosterType.GBTREE,
                    XGBoostTrainer.TreeMethod.HIST,
                    XGBoostRegressionTrainer.RegressionType.LINEAR,
                    rounds,
                    eta,
                    0,
                    maxDepth,
                    minChildWeight,
                    subsample,
                    featureSubsample,
                    1,
                    0,
                    threads,
                    XGBoostTrainer.LoggingVerbosity.SILENT,
                    seed);
        }
    }
}
