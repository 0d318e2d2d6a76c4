package io.maelezo;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers, as the build enforces them: the engine (reading replies, deciding, explaining) knows
 * no mail API, no mailet API and no James; the report layer (reading and writing bounces) knows
 * javax.mail but no mailet API and no James; the command line knows no mailet (of Apache James, only
 * its MIME library's mbox reader). Only
 * {@code io.maelezo.james} talks to James.
 */
@AnalyzeClasses(packages = "io.maelezo", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
    @ArchTest
    static final ArchRule ENGINE_KNOWS_NO_MAIL_API_AND_NO_JAMES = noClasses().that().resideInAPackage("io.maelezo.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("javax.mail..", "jakarta.mail..", "org.apache.mailet..", "org.apache.james..",
            "io.maelezo.report..", "io.maelezo.james..", "io.maelezo.cli..");

    @ArchTest
    static final ArchRule REPORT_KNOWS_NO_MAILET_API_AND_NO_JAMES = noClasses().that().resideInAPackage("io.maelezo.report..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.mailet..", "org.apache.james..", "io.maelezo.james..", "io.maelezo.cli..");

    @ArchTest
    static final ArchRule COMMAND_LINE_KNOWS_NO_MAILET = noClasses().that().resideInAPackage("io.maelezo.cli..")
        .should().dependOnClassesThat(resideInAnyPackage("org.apache.mailet..", "org.apache.james..", "io.maelezo.james..")
            // mime4j (Apache James's MIME library, not the server) splits an mbox into its messages
            .and(not(resideInAPackage("org.apache.james.mime4j.."))));

    /** engine, report, james and cli: each layer uses only those below it. */
    @ArchTest
    static final ArchRule NO_CIRCLES_BETWEEN_LAYERS = slices().matching("io.maelezo.(*)..").should().beFreeOfCycles();
}
