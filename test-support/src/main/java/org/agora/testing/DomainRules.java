package org.agora.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The architecture rule every service keeps: its {@code domain} knows no framework. */
public final class DomainRules {
  private DomainRules() {}

  public static void checkFrameworkFree(String servicePackage) {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(servicePackage);
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "io.smallrye..",
            "org.hibernate..",
            "org.agora.kit..",
            "org.apache.kafka..",
            "io.vertx..")
        .check(classes);
  }
}
