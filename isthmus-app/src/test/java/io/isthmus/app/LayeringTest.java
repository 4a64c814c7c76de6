package io.isthmus.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build-enforced layering of ARCHITECTURE.md: arrows only point downstream in the flow, codecs
 * stay pure, frameworks stay in the app. Maven module dependencies already forbid upward imports
 * between modules; these rules hold the lines inside and across them.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importIsthmus() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.isthmus");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void theModelDependsOnNothingButTheJdk() {
        check(noClasses()
                .that()
                .resideInAPackage("io.isthmus.model..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("io.isthmus.model..", "java.."));
    }

    @Test
    void thePolicyIsPureAndDependsOnlyOnTheModel() {
        check(noClasses()
                .that()
                .resideInAPackage("io.isthmus.policy..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "io.isthmus.policy..",
                        "io.isthmus.model..",
                        "java.lang..",
                        "java.util..",
                        "java.net..",
                        "java.time..") // time windows of access rules: values, never a clock
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.time.Clock.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.net.Socket.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.net.ServerSocket.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.net.DatagramSocket.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Thread.class));
    }

    @Test
    void detectionIsPureOverObservations() {
        check(noClasses()
                .that()
                .resideInAPackage("io.isthmus.observe.detect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.nio.channels..",
                        "java.nio.file..",
                        "java.io..",
                        "java.util.concurrent..",
                        "com.fasterxml..",
                        "io.isthmus.observe.capture.."));
    }

    @Test
    void connectDriversUseNeitherTheSimulatorNorTheAppNorJackson() {
        check(noClasses()
                .that()
                .resideInAPackage("io.isthmus.connect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.isthmus.sim..", "io.isthmus.app..", "io.isthmus.observe..", "com.fasterxml.."));
    }

    @Test
    void codecsAreBytesInValuesOutWithoutIoThreadsOrLogging() {
        check(noClasses()
                .that()
                .resideInAPackage("io.isthmus.wire..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.nio.channels..",
                        "java.nio.file..",
                        "java.util.concurrent..",
                        "java.util.logging..",
                        "org.slf4j..",
                        "io.isthmus.sim..",
                        "io.isthmus.app..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Thread.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.net.Socket.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.net.ServerSocket.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.net.DatagramSocket.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(java.io.InputStream.class));
    }

    @Test
    void insightAnalysesModelRecordsWithoutTheSimulatorProtocolsOrSockets() {
        check(noClasses()
                .that()
                .resideInAPackage("io.isthmus.insight..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.isthmus.sim..",
                        "io.isthmus.wire..",
                        "io.isthmus.observe..",
                        "io.isthmus.connect..",
                        "java.net..",
                        "java.nio.channels.."));
    }

    @Test
    void theProcessModelAndScenariosKnowNoProtocolServer() {
        check(noClasses()
                .that()
                .resideInAnyPackage("io.isthmus.sim.process..", "io.isthmus.sim.scenario..", "io.isthmus.sim.plc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.isthmus.sim.modbus..",
                        "io.isthmus.sim.opcua..",
                        "org.eclipse.milo..",
                        "io.isthmus.wire.."));
    }

    @Test
    void nothingBelowTheAppKnowsTheApp() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("io.isthmus.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.isthmus.app.."));
    }

    @Test
    void frameworksForJsonYamlHttpAndCliStayInTheApp() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("io.isthmus.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..", "io.javalin..", "picocli.."));
    }

    @Test
    void theLayoutKernelStaysInTheMapPackage() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage("io.isthmus.app.map..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.eclipse.elk..", "org.eclipse.emf..", "com.google.common.."));
    }

    @Test
    void edgeAndHubKnowNothingOfTheSimulator() {
        // they run against real plants; the demo wires them to the virtual factory from outside
        check(noClasses()
                .that()
                .resideInAnyPackage("io.isthmus.app.edge..", "io.isthmus.app.hub..", "io.isthmus.connect.transfer..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.isthmus.sim..", "io.isthmus.app.demo..", "io.isthmus.app.cli.."));
    }

    @Test
    void thereAreNoUtilHelperOrCommonPackages() {
        check(noClasses()
                .should()
                .resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..", "..common.."));
    }
}
