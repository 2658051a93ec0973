package dev.frontier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the engine module: what store, report, gate and distill may use, and a run that flows one
 * way through its stages.
 */
class EngineArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProjectClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.frontier.run", "dev.frontier.store", "dev.frontier.report", "dev.frontier.gate",
                        "dev.frontier.distill", "dev.frontier.export");
    }

    private static void onlyUses(String pkg, String... allowed) {
        String[] packages = new String[allowed.length + 2];
        packages[0] = "dev.frontier." + pkg + "..";
        packages[1] = "java..";
        for (int i = 0; i < allowed.length; i++) {
            packages[i + 2] = allowed[i];
        }
        classes().that().resideInAPackage("dev.frontier." + pkg + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .because("DESIGN §4 fixes what " + pkg + " may use")
                .check(classes);
    }

    @Test
    void storeUsesModel() {
        onlyUses("store", "dev.frontier.model..", "com.fasterxml.jackson..", "org.sqlite..");
    }

    @Test
    void exportUsesTheStoreAndTheSplitAndWritesWithJacksonAndOpencsv() {
        onlyUses("export", "dev.frontier.model..", "dev.frontier.store..", "dev.frontier.dataset..",
                "com.fasterxml.jackson.core..", "com.opencsv..");
    }

    @Test
    void reportUsesModelResultsSelectCostAndFreeMarker() {
        onlyUses("report", "dev.frontier.model..", "dev.frontier.results..", "dev.frontier.select..",
                "dev.frontier.cost..", "dev.frontier.catalog..", "freemarker..");
    }

    @Test
    void gateUsesModelStatsAndResults() {
        onlyUses("gate", "dev.frontier.model..", "dev.frontier.stats..", "dev.frontier.results..", "javax.xml..");
    }

    @Test
    void reportAndGateReadTheDocumentNotTheStore() {
        noClasses().that().resideInAnyPackage("dev.frontier.report..", "dev.frontier.gate..")
                .should().dependOnClassesThat().resideInAPackage("dev.frontier.store..")
                .because("a report or a gate is made from results.json alone")
                .check(classes);
    }

    @Test
    void distillUsesTheCoreButNotTheCli() {
        onlyUses("distill", "dev.frontier.model..", "dev.frontier.config..", "dev.frontier.dataset..",
                "dev.frontier.cost..", "dev.frontier.store..", "dev.frontier.results..", "dev.frontier.run..",
                "dev.frontier.invoke..", "dev.frontier.catalog..", "dev.frontier.logs..", "com.fasterxml.jackson..");
    }

    @Test
    void noCyclesBetweenTheStagesOfARun() {
        slices().matching("dev.frontier.run.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void aRunFlowsOneWayFromTheFrontDoorThroughItsStages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("front door").definedBy("dev.frontier.run")
                .layer("aggregate").definedBy("dev.frontier.run.aggregate..")
                .layer("review").definedBy("dev.frontier.run.review..")
                .layer("execute").definedBy("dev.frontier.run.execute..")
                .layer("prepare").definedBy("dev.frontier.run.prepare..")
                .layer("flow").definedBy("dev.frontier.run.flow..")
                .whereLayer("front door").mayNotBeAccessedByAnyLayer()
                .whereLayer("aggregate").mayOnlyBeAccessedByLayers("front door")
                .whereLayer("review").mayOnlyBeAccessedByLayers("front door", "aggregate")
                .whereLayer("execute").mayOnlyBeAccessedByLayers("front door", "aggregate", "review")
                .whereLayer("prepare").mayOnlyBeAccessedByLayers("front door", "aggregate", "review", "execute")
                .whereLayer("flow").mayOnlyBeAccessedByLayers("front door", "aggregate", "review", "execute",
                        "prepare")
                .because("the front door orchestrates the stages; each stage uses only the ones before it and the "
                        + "types that flow between them")
                .check(classes);
    }

    @Test
    void theEngineReadsNoEnvironment() {
        noClasses().that().resideInAnyPackage("dev.frontier.run..", "dev.frontier.store..", "dev.frontier.report..",
                        "dev.frontier.gate..", "dev.frontier.distill..")
                .should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getProperty", String.class)
                .because("only the command line reads the environment; the engine is given what it needs")
                .check(classes);
    }
}
