package dev.plugnet.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far a plugin author may rely on a public type or member of the api, and since which api version it is
 * there (after JUnit's {@code @API(status = STABLE, since = "1.0")}).
 *
 * <p>Every public type of {@code dev.plugnet.api} carries it. A member without its own marker has its type's
 * status. The promise for each {@link Status} holds within one {@link ApiVersion#MAJOR major version}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
@Api(status = Api.Status.STABLE, since = "1.0")
public @interface Api {
    /** @return how stable the marked element is */
    Status status();

    /** @return the api version that introduced the element in its current form, for example {@code "1.0"} */
    String since();

    /** The promise an {@link Api} marker makes. */
    enum Status {
        /** Kept compatible for plugins and their tests until the next major version. */
        STABLE,
        /** New; may still change in a minor version, which its release notes then say. */
        EXPERIMENTAL,
        /** For plugnet's own modules only; may change or go in any version. Plugins must not use it. */
        INTERNAL,
        /** Still works, but will be removed in the next major version; its Javadoc names the replacement. */
        DEPRECATED
    }
}
