package dev.tartan.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.concurrent.CompletableFuture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules of docs/ARCHITECTURE.md: dependencies point one way, and views and view models keep to their sides. */
@AnalyzeClasses(packages = "dev.tartan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A view: a class of the UI that builds or touches the scene graph (controls, layouts, dialogs). */
    private static final DescribedPredicate<JavaClass> VIEWS = DescribedPredicate.describe("views (ui classes that touch the scene graph)",
            type -> type.getPackageName().startsWith("dev.tartan.ui") && type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency -> dependency.getTargetClass().getPackageName().startsWith("javafx.scene")));

    /** A view model: a ui class named *ViewModel, with the classes nested in it. */
    private static final DescribedPredicate<JavaClass> VIEW_MODELS = DescribedPredicate.describe("view models (ui classes named *ViewModel)",
            type -> type.getPackageName().startsWith("dev.tartan.ui") && outermost(type).getSimpleName().endsWith("ViewModel"));

    private static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("dev.tartan.app..")
            .layer("UI").definedBy("dev.tartan.ui..")
            .layer("CLI").definedBy("dev.tartan.cli..")
            .layer("Service").definedBy("dev.tartan.service..")
            .layer("API").definedBy("dev.tartan.api..")
            .layer("Store").definedBy("dev.tartan.store..")
            .layer("Model").definedBy("dev.tartan.model..")
            .layer("Concurrency").definedBy("dev.tartan.concurrent..")
            .layer("Emulator").definedBy("dev.tartan.emulator..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("UI").mayOnlyBeAccessedByLayers("App")
            .whereLayer("CLI").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "UI", "CLI")
            .whereLayer("API").mayOnlyBeAccessedByLayers("App", "Service", "CLI")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Service", "CLI")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("App", "UI", "CLI", "Service", "API", "Store")
            .whereLayer("Concurrency").mayOnlyBeAccessedByLayers("App", "UI", "CLI", "Service", "API", "Store")
            .whereLayer("Emulator").mayOnlyBeAccessedByLayers("App", "CLI")
            .ensureAllClassesAreContainedInArchitecture();

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.tartan.ui..", "dev.tartan.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..", "org.fxmisc..")
            .because("only ui and app may touch JavaFX (docs/ARCHITECTURE.md, the layers)");

    @ArchTest
    static final ArchRule viewsDoNotCallServices = noClasses()
            .that(VIEWS)
            .should().dependOnClassesThat().resideInAPackage("dev.tartan.service..")
            .because("a view shows what its view model holds and asks the view model to act (docs/ARCHITECTURE.md, the pane pattern)");

    @ArchTest
    static final ArchRule viewsDoNotWaitOnFutures = noClasses()
            .that(VIEWS)
            .should().dependOnClassesThat().areAssignableTo(CompletableFuture.class)
            .because("view models turn results into properties; views bind to them (docs/ARCHITECTURE.md, threading)");

    @ArchTest
    static final ArchRule viewModelsHoldNoControls = noClasses()
            .that(VIEW_MODELS)
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view model holds state and actions, not controls, so it can be tested without a window (docs/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule viewModelsAreNamedSo = classes()
            .that().resideInAPackage("dev.tartan.ui..").and().haveSimpleNameEndingWith("Model")
            .should().haveSimpleNameEndingWith("ViewModel")
            .because("view models are named *ViewModel, so the rules above find them");

    @ArchTest
    static final ArchRule emulatorIsIndependent = noClasses()
            .that().resideInAPackage("dev.tartan.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.tartan.app..", "dev.tartan.ui..", "dev.tartan.cli..", "dev.tartan.service..",
                    "dev.tartan.api..", "dev.tartan.store..", "dev.tartan.model..", "dev.tartan.concurrent..")
            .because("the emulator is an independent implementation of Plaid's wire contract");

    @ArchTest
    static final ArchRule panesDoNotReachIntoEachOther = slices()
            .matching("dev.tartan.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("dev.tartan.ui.common.."))
            .ignoreDependency(resideInAPackage("dev.tartan.ui.shell.."), resideInAPackage("dev.tartan.ui.settings.."))
            .because("panes share pieces through ui.common, not by using each other (the app wires them together)");

    @ArchTest
    static final ArchRule noCycles = slices()
            .matching("dev.tartan.(*)..")
            .should().beFreeOfCycles();
}
