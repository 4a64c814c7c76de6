package io.isthmus.insight.rul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RUL model on the official NASA C-MAPSS FD001 evaluation: trained on the 100 run-to-failure
 * engines of train_FD001, scored on the last cycle of each of the 100 engines of test_FD001
 * against RUL_FD001. Fails when the RMSE regresses past {@link #RMSE_BAR}. The configuration was
 * chosen on a validation split of the training engines (bench/insight-rul.sh, docs/insight.md).
 */
class Fd001EvaluationTest {
    /** Issue 8's goal (published: CNN 18.45, deep LSTM 16.14). */
    static final double RMSE_BAR = 16.0;

    @Test
    void theDefaultModelBeatsTheRmseBarOnTheOfficialTestSet() {
        long t0 = System.nanoTime();
        RulModel model = RulModel.train(Fd001.train(), RulFeatures.DEFAULT, RulAlgorithm.DEFAULT);
        double seconds = (System.nanoTime() - t0) / 1e9;
        RulScore score = RulScore.of(model.predictAll(Fd001.test()), Fd001.testRul());
        System.out.printf(
                "C-MAPSS FD001 test: RMSE %.2f, PHM08 score %.1f, mean error %.2f, %d engines, trained in %.1f s,"
                        + " sensors %s%n",
                score.rmse(),
                score.phm08(),
                score.meanError(),
                score.engines(),
                seconds,
                model.scaling().keptSensors());

        assertThat(score.engines()).isEqualTo(100);
        assertThat(score.rmse()).isLessThanOrEqualTo(RMSE_BAR);
        assertThat(model.scaling().keptSensors()).containsExactly(2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21);
    }

    @Test
    void trainingTwiceWithTheSameSeedGivesTheSamePredictions() {
        List<EngineHistory> some = Fd001.train().subList(0, 30);
        List<EngineHistory> probe = Fd001.test().subList(0, 20);
        List<Double> first =
                RulModel.train(some, RulFeatures.DEFAULT, RulAlgorithm.DEFAULT).predictAll(probe);
        List<Double> second =
                RulModel.train(some, RulFeatures.DEFAULT, RulAlgorithm.DEFAULT).predictAll(probe);

        assertThat(second).isEqualTo(first);
        assertThat(first).allMatch(p -> p >= 0 && p <= RulFeatures.DEFAULT.rulCap() + 5);
    }
}
