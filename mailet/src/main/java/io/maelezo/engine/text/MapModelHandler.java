package io.maelezo.engine.text;

import java.util.List;
import java.util.Map;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.SimpleObjectHandler;

/**
 * How Mustache finds a name in maelezo's models, which are made only of maps, lists, strings,
 * booleans and numbers. Resolves names the way Mustache's {@link SimpleObjectHandler} does for
 * maps (innermost scope first; {@code a.b} looks up {@code a}, then {@code b} inside it), but
 * splits a dotted name once when the template is compiled instead of at every lookup, reads
 * each map once per lookup, and never reflects on a scope that is not a map (a section's
 * string or boolean: nothing to find in it).
 */
final class MapModelHandler extends SimpleObjectHandler {
    @Override
    public Binding createBinding(String name, TemplateContext tc, Code code) {
        if (name == null) {
            return scopes -> null; // the template's plain text: nothing to look up
        }
        String[] path = name.split("\\.");
        return path.length == 1 ? scopes -> valueOf(name, scopes) : scopes -> valueOf(path, scopes);
    }

    /** The innermost map holding the name gives its value, even a null one. */
    private static Object valueOf(String name, List<Object> scopes) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Object scope = scopes.get(i);
            if (scope instanceof Map) {
                Map<?, ?> map = (Map<?, ?>) scope;
                Object value = map.get(name);
                if (value != null || map.containsKey(name)) {
                    return value;
                }
            }
        }
        return null;
    }

    /** The innermost map whose first name is set starts the path; the rest is read inside it. */
    private static Object valueOf(String[] path, List<Object> scopes) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Object scope = scopes.get(i);
            Object value = scope instanceof Map ? ((Map<?, ?>) scope).get(path[0]) : null;
            if (value != null) {
                for (int step = 1; step < path.length && value != null; step++) {
                    value = value instanceof Map ? ((Map<?, ?>) value).get(path[step]) : null;
                }
                return value;
            }
        }
        return null;
    }
}
