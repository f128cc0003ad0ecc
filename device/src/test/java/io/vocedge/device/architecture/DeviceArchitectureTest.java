package io.vocedge.device.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The device's package structure (issue 12): feature packages depend on each other in one direction only, and the
 * command-line commands live in {@code cli} (the one place allowed to print). Checked on the compiled classes.
 */
class DeviceArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vocedge.device");
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.vocedge.device.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void commandLineCommandsLiveInCli() {
        classes()
                .that()
                .areAnnotatedWith(Command.class)
                .should()
                .resideInAPackage("io.vocedge.device.cli..")
                .because("commands print to the terminal, and only cli/ may (CONTRIBUTING.md)")
                .check(production);
    }
}
