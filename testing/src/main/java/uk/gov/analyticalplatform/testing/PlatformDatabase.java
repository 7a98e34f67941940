package uk.gov.analyticalplatform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated Spring test a fresh, empty database of its own on the real
 * PostgreSQL: the schema owner ({@code platform_owner}) runs Flyway, the application
 * connects as the restricted {@code platform_app} role, exactly as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface PlatformDatabase {

}
