package io.isthmus.insight.rul;

import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A remaining-useful-life model: sensor scaling and feature extraction learnt from run-to-failure
 * histories, and a Tribuo regressor on top. {@link #predict} takes what is known of an engine so
 * far and answers how many more cycles it has.
 */
public final class RulModel {
    private static final String TARGET = "RUL";
    private static final RegressionFactory FACTORY = new RegressionFactory();

    private final RulFeatures features;
    private final SensorScaling scaling;
    private final String[] names;
    private final Model<Regressor> model;

    private RulModel(RulFeatures features, SensorScaling scaling, String[] names, Model<Regressor> model) {
        this.features = features;
        this.scaling = scaling;
        this.names = names;
        this.model = model;
    }

    /** Trains on engines that ran to failure: every prefix of every history is one training example. */
    public static RulModel train(List<EngineHistory> runToFailure, RulFeatures features, RulAlgorithm algorithm) {
        SensorScaling scaling = SensorScaling.fit(runToFailure);
        String[] names = features.names(scaling);
        var data = new MutableDataset<>(new SimpleDataSourceProvenance("run-to-failure histories", FACTORY), FACTORY);
        for (EngineHistory engine : runToFailure) {
            double[][] rows = features.everyPrefix(engine, scaling);
            for (int k = 0; k < rows.length; k++) {
                double y = features.target(k + 1, engine.length());
                data.add(new ArrayExample<>(new Regressor(TARGET, y), names, rows[k]));
            }
        }
        return new RulModel(features, scaling, names, algorithm.trainer().train(data));
    }

    /** Remaining cycles after the last cycle of {@code engine}, never below zero. */
    public double predict(EngineHistory engine) {
        Example<Regressor> example =
                new ArrayExample<>(FACTORY.getUnknownOutput(), names, features.last(engine, scaling));
        return Math.max(0, model.predict(example).getOutput().getValues()[0]);
    }

    public List<Double> predictAll(List<EngineHistory> engines) {
        return engines.stream().map(this::predict).toList();
    }

    public SensorScaling scaling() {
        return scaling;
    }

    public RulFeatures features() {
        return features;
    }
}
