package io.datadesk.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Reads the components of records ({@code page.title}, {@code s.url}) for the templates' expressions, by the
 * record's own accessor found once per class.
 *
 * <p>Why: what templates see are records, whose accessors are not JavaBean getters ({@code title()}, not
 * {@code getTitle()}). For such a name OGNL, which Thymeleaf evaluates expressions with, scans every public method of
 * the class, lower-casing each name, on every access: at 1,000 pages that was 17 % of the build. Anything that is
 * not a record component is left to OGNL as before.
 */
final class RecordProperties extends ObjectPropertyAccessor {

    private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> m = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) for (RecordComponent c : components) m.put(c.getName(), c.getAccessor());
            return Map.copyOf(m);
        }
    };

    private static boolean installed;

    /** Makes OGNL use this accessor for every record; idempotent. */
    static synchronized void install() {
        if (installed) return;
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordProperties());
        installed = true;
    }

    /** The accessor of record {@code type}'s component {@code name}, or null: what {@link #getProperty} calls. */
    static Method accessor(Class<?> type, String name) {
        return COMPONENTS.get(type).get(name);
    }

    @Override
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        Method accessor = name instanceof String s && target != null ? COMPONENTS.get(target.getClass()).get(s) : null;
        if (accessor == null || !java.lang.reflect.Modifier.isPublic(target.getClass().getModifiers()))
            return super.getProperty(context, target, name);
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException e) {
            return super.getProperty(context, target, name);
        } catch (InvocationTargetException e) {
            throw new OgnlException("cannot read '" + name + "'", e.getCause());
        }
    }
}
