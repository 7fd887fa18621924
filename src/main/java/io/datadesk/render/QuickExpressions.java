package io.datadesk.render;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.util.ExpressionUtils;

/**
 * Thymeleaf's {@code ${...}} expressions, the common shapes of the theme's evaluated without OGNL: a variable and its
 * record components ({@code page.title}), public methods ({@code page.isHome()},
 * {@code links.asset('site.css')}, {@code #strings.isEmpty(page.author)}), {@code !} before any of these, and
 * these joined by OGNL's ternary, {@code and}, {@code or}, {@code == != < > <= >=} and {@code +}, with text, int,
 * {@code true}/{@code false}/{@code null} and {@code {}} literals ({@code page.isHome() ? site.title : page.title + ' · '
 * + site.title}), each operator computed by the {@code OgnlOps} method OGNL's own node calls. Any other expression, and any of these whose value OGNL could read differently (a null on the way, a map, a method
 * with overloads, an argument of another type, a one-character literal that OGNL reads as a {@code char}), goes to
 * Thymeleaf's own OGNL evaluator.
 *
 * <p>Why: every page's templates evaluate about a hundred expressions. OGNL makes a context for each, and looks up
 * methods by name and argument types on every call; Thymeleaf's shortcut for plain property chains does not apply
 * to records (their accessor is {@link RecordProperties}), so even {@code page.title} took OGNL's full path: OGNL
 * was a tenth of a 1,000-page build. The values read here are what OGNL reads (the same accessor, the same method,
 * {@code !} by OGNL's own truth rules), converted as Thymeleaf converts OGNL's result.
 */
final class QuickExpressions implements IStandardVariableExpressionEvaluator {

    private static final Object NOT_QUICK = new Object();
    /** One parsed form per expression text; {@code NOT_QUICK} for those left to OGNL. */
    private static final Map<String, Object> PARSED = new ConcurrentHashMap<>();

    private final IStandardVariableExpressionEvaluator byOgnl = new OGNLVariableExpressionEvaluator(true);

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression, StandardExpressionExecutionContext expContext) {
        String text = expression.getExpression();
        // OGNL reads a variable from the template context it evaluates on (Thymeleaf's OGNLContextPropertyAccessor).
        Object parsed = text == null || expression.getUseSelectionAsRoot() || !(context instanceof ITemplateContext) ? NOT_QUICK : PARSED.computeIfAbsent(text, QuickExpressions::parse);
        if (parsed instanceof Expr e) {
            Object value;
            try {
                value = e.eval(context);
            } catch (ReflectiveOperationException | RuntimeException failed) {
                value = NOT_QUICK; // OGNL says what went wrong, in its words
            }
            if (value != NOT_QUICK) {
                if (!expContext.getPerformTypeConversion()) return value;
                return StandardExpressions.getConversionService(context.getConfiguration()).convert(context, value, String.class);
            }
        }
        return byOgnl.evaluate(context, expression, expContext);
    }

    // ---- expressions ----------------------------------------------------------------------------------------------

    private interface Expr {
        /** The value, or {@code NOT_QUICK} when OGNL must evaluate the expression. */
        Object eval(IExpressionContext context) throws ReflectiveOperationException;
    }

    private record Variable(String name) implements Expr {
        @Override
        public Object eval(IExpressionContext context) {
            return context.getVariable(name);
        }
    }

    /** {@code #strings}, {@code #lists}: Thymeleaf's expression objects. */
    private record ExpressionObject(String name) implements Expr {
        @Override
        public Object eval(IExpressionContext context) {
            Object o = context.getExpressionObjects().getObject(name);
            return o == null ? NOT_QUICK : o;
        }
    }

    private record Literal(Object value) implements Expr {
        @Override
        public Object eval(IExpressionContext context) {
            return value;
        }
    }

    private record Not(Expr operand) implements Expr {
        @Override
        public Object eval(IExpressionContext context) throws ReflectiveOperationException {
            Object v = operand.eval(context);
            if (v == NOT_QUICK) return v;
            return ognl.OgnlOps.booleanValue(v) ? Boolean.FALSE : Boolean.TRUE;
        }
    }

    /** A record component, read with the accessor OGNL uses for records ({@link RecordProperties}). */
    private record Property(Expr target, String name) implements Expr {
        @Override
        public Object eval(IExpressionContext context) throws ReflectiveOperationException {
            Object t = target.eval(context);
            if (t == NOT_QUICK || !(t instanceof Record) || !Modifier.isPublic(t.getClass().getModifiers())) return NOT_QUICK;
            Method accessor = RecordProperties.accessor(t.getClass(), name);
            return accessor == null ? NOT_QUICK : accessor.invoke(t);
        }
    }

    /** A public method of a public class with no overload of the same number of parameters. */
    private record Call(Expr target, String name, List<Expr> args) implements Expr {
        @Override
        public Object eval(IExpressionContext context) throws ReflectiveOperationException {
            Object t = target.eval(context);
            if (t == NOT_QUICK || t == null || t instanceof Class<?> || t instanceof Map<?, ?>) return NOT_QUICK;
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) if ((values[i] = args.get(i).eval(context)) == NOT_QUICK) return NOT_QUICK;
            Method m = METHODS.get(t.getClass()).get(name);
            if (m == null || m.getParameterCount() != values.length || !ExpressionUtils.isMemberAllowed(t, name)) return NOT_QUICK;
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < values.length; i++)
                if (values[i] == null ? types[i].isPrimitive() : !types[i].isInstance(values[i])) return NOT_QUICK;
            return m.invoke(t, values);
        }
    }

    /**
     * Per class (public, not the JDK's: OGNL's lookup and Thymeleaf's access rules are left to decide those): its
     * public instance methods whose name no other public method has (no overloads, no bridges, no varargs).
     */
    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            String n = type.getName();
            if (!Modifier.isPublic(type.getModifiers()) || n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.")
                    || n.startsWith("sun.")) return Map.of();
            Map<String, List<Method>> byName = new java.util.HashMap<>();
            for (Method m : type.getMethods()) byName.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
            Map<String, Method> unique = new java.util.HashMap<>();
            byName.forEach((name, ms) -> {
                Method m = ms.get(0);
                if (ms.size() == 1 && !Modifier.isStatic(m.getModifiers()) && !m.isBridge() && !m.isVarArgs()
                        && Modifier.isPublic(m.getDeclaringClass().getModifiers())) unique.put(name, m);
            });
            return Map.copyOf(unique);
        }
    };

    /** {@code a ? b : c}, as OGNL's {@code ASTTest}: only the branch the test picks is evaluated. */
    private record Test(Expr test, Expr then, Expr otherwise) implements Expr {
        @Override
        public Object eval(IExpressionContext context) throws ReflectiveOperationException {
            Object t = test.eval(context);
            if (t == NOT_QUICK) return t;
            return (ognl.OgnlOps.booleanValue(t) ? then : otherwise).eval(context);
        }
    }

    /**
     * {@code a and b} ({@code and} true) or {@code a or b}, as OGNL's {@code ASTAnd} and {@code ASTOr}: the value of
     * the operand that decided, not a boolean.
     */
    private record Logical(Expr left, Expr right, boolean and) implements Expr {
        @Override
        public Object eval(IExpressionContext context) throws ReflectiveOperationException {
            Object l = left.eval(context);
            if (l == NOT_QUICK || ognl.OgnlOps.booleanValue(l) != and) return l;
            return right.eval(context);
        }
    }

    /** The binary operators OGNL evaluates with one of its {@code OgnlOps} methods. */
    private enum Op { ADD, EQ, NEQ, LT, GT, LE, GE }

    /** {@code + == != < > <= >=}, each as OGNL's node for it does ({@code ASTAdd}, {@code ASTEq}, ...). */
    private record Binary(Op op, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(IExpressionContext context) throws ReflectiveOperationException {
            Object l = left.eval(context);
            if (l == NOT_QUICK) return l;
            Object r = right.eval(context);
            if (r == NOT_QUICK) return r;
            return switch (op) {
                case ADD -> ognl.OgnlOps.add(l, r);
                case EQ -> ognl.OgnlOps.equal(l, r);
                case NEQ -> !ognl.OgnlOps.equal(l, r);
                case LT -> ognl.OgnlOps.less(l, r);
                case GT -> ognl.OgnlOps.greater(l, r);
                case LE -> !ognl.OgnlOps.greater(l, r);
                case GE -> !ognl.OgnlOps.less(l, r);
            };
        }
    }

    /** {@code {}}: OGNL's list literal without elements, a new {@code ArrayList} each time. */
    private record EmptyList() implements Expr {
        @Override
        public Object eval(IExpressionContext context) {
            return new ArrayList<>(0);
        }
    }

    // ---- parsing, OGNL's precedence: test := or ('?' test ':' test)? ; or := and ('or' and)* ;
    // and := equality ('and' equality)* ; equality := relation (('==' | '!=') relation)* ;
    // relation := sum (('<' | '>' | '<=' | '>=') sum)* ; sum := unary ('+' unary)* ; unary := '!' unary | primary ;
    // primary := 'text' | integer | true | false | null | '{}' | chain ;
    // chain := (name | '#' name) ('.' name ('(' args ')')?)* . Anything else (OGNL's word operators, '-', '*', '||',
    // indexes, projections, parentheses, ...) is not parsed, and the expression goes to OGNL.

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("true", "false", "null", "and", "or", "not", "eq",
            "neq", "ne", "lt", "gt", "le", "lte", "ge", "gte", "in", "instanceof", "new", "this", "root", "param", "shr", "ushr",
            "bor", "band", "xor");

    /** The expression's parsed form, or {@code NOT_QUICK}. */
    static Object parse(String text) {
        Parser p = new Parser(text.strip());
        Expr e = p.test();
        p.space();
        return e != null && p.at == p.s.length() ? e : NOT_QUICK;
    }

    private static final class Parser {
        final String s;
        int at;

        Parser(String s) {
            this.s = s;
        }

        void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) at++;
        }

        /** Whether the text at the current place (after spaces) is {@code token}; if so, moves past it. */
        boolean take(String token) {
            space();
            if (!s.startsWith(token, at)) return false;
            int end = at + token.length();
            if (Character.isJavaIdentifierPart(token.charAt(token.length() - 1)) && end < s.length()
                    && Character.isJavaIdentifierPart(s.charAt(end))) return false; // "order" is not "or"
            at = end;
            return true;
        }

        /** Whether the next token is {@code token} and not the start of a longer operator ({@code +} of {@code ++}). */
        boolean takeAlone(String token, String... longer) {
            space();
            for (String l : longer) if (s.startsWith(l, at)) return false;
            return take(token);
        }

        Expr test() {
            Expr c = or();
            if (c == null || !takeAlone("?")) return c;
            Expr then = test();
            if (then == null || !takeAlone(":")) return null;
            Expr otherwise = test();
            return otherwise == null ? null : new Test(c, then, otherwise);
        }

        Expr or() {
            Expr e = and();
            while (e != null && take("or")) {
                Expr r = and();
                e = r == null ? null : new Logical(e, r, false);
            }
            return e;
        }

        Expr and() {
            Expr e = equality();
            while (e != null && take("and")) {
                Expr r = equality();
                e = r == null ? null : new Logical(e, r, true);
            }
            return e;
        }

        Expr equality() {
            Expr e = relation();
            while (e != null) {
                Op op = take("==") ? Op.EQ : take("!=") ? Op.NEQ : null;
                if (op == null) break;
                Expr r = relation();
                e = r == null ? null : new Binary(op, e, r);
            }
            return e;
        }

        Expr relation() {
            Expr e = sum();
            while (e != null) {
                Op op = take("<=") ? Op.LE : take(">=") ? Op.GE : takeAlone("<", "<<") ? Op.LT : takeAlone(">", ">>") ? Op.GT : null;
                if (op == null) break;
                Expr r = sum();
                e = r == null ? null : new Binary(op, e, r);
            }
            return e;
        }

        Expr sum() {
            Expr e = unary();
            while (e != null && takeAlone("+", "++", "+=")) {
                Expr r = unary();
                e = r == null ? null : new Binary(Op.ADD, e, r);
            }
            return e;
        }

        Expr unary() {
            space();
            if (at < s.length() && s.charAt(at) == '!' && !s.startsWith("!=", at)) {
                at++;
                Expr operand = unary();
                return operand == null ? null : new Not(operand);
            }
            return primary();
        }

        Expr primary() {
            space();
            if (at >= s.length()) return null;
            char c = s.charAt(at);
            // No parentheses: OGNL merges a parenthesised operation into the same operation around it ("a + (b + c)" is
            // "a + b + c" to it, and 'x' + (1 + 2) gives "x12").
            if (c == '\'') return text();
            if (c >= '0' && c <= '9') return integer();
            if (c == '{') {
                at++;
                return takeAlone("}") ? new EmptyList() : null;
            }
            if (take("true")) return new Literal(Boolean.TRUE);
            if (take("false")) return new Literal(Boolean.FALSE);
            if (take("null")) return new Literal(null);
            return chain();
        }

        /**
         * A quoted text without escapes; of one character, a {@link Character}, as OGNL reads it ({@code '#' + h.id}:
         * every heading of every page's contents, twice, had gone to OGNL). A method that takes a String is then not
         * called here ({@link Call} checks the argument's type) but by OGNL, which converts it.
         */
        Expr text() {
            int end = s.indexOf('\'', at + 1);
            if (end < 0) return null;
            String literal = s.substring(at + 1, end);
            if (literal.indexOf('\\') >= 0) return null;
            at = end + 1;
            return new Literal(literal.length() == 1 ? (Object) literal.charAt(0) : literal);
        }

        /**
         * A decimal int as OGNL reads one without a suffix ({@code Integer.valueOf}); other numbers (a leading 0 is
         * octal to OGNL, suffixes, fractions, large ones) are left to OGNL.
         */
        Expr integer() {
            int start = at;
            while (at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9') at++;
            String digits = s.substring(start, at);
            if (at < s.length() && (Character.isJavaIdentifierPart(s.charAt(at)) || s.charAt(at) == '.')) return null;
            if (digits.length() > 9 || (digits.length() > 1 && digits.charAt(0) == '0')) return null;
            return new Literal(Integer.valueOf(digits));
        }

        Expr chain() {
            Expr e;
            if (at < s.length() && s.charAt(at) == '#') {
                at++;
                String name = name();
                if (name == null || name.equals("context") || name.startsWith("_")) return null; // OGNL's own
                e = new ExpressionObject(name);
            } else {
                String name = name();
                if (name == null) return null;
                e = new Variable(name);
            }
            while (at < s.length() && s.charAt(at) == '.') {
                at++;
                String name = name();
                if (name == null) return null;
                if (at < s.length() && s.charAt(at) == '(') {
                    at++;
                    List<Expr> args = new ArrayList<>();
                    if (takeAlone(")")) {
                        // no arguments
                    } else while (true) {
                        Expr arg = test();
                        if (arg == null) return null;
                        args.add(arg);
                        if (takeAlone(")")) break;
                        if (!takeAlone(",")) return null;
                    }
                    e = new Call(e, name, List.copyOf(args));
                } else {
                    if (e instanceof ExpressionObject) return null;
                    e = new Property(e, name);
                }
            }
            return e;
        }

        /** A Java identifier that is not one of OGNL's keywords; null otherwise. */
        String name() {
            int start = at;
            if (at >= s.length() || !Character.isJavaIdentifierStart(s.charAt(at)) || s.charAt(at) == '$') return null;
            while (at < s.length() && Character.isJavaIdentifierPart(s.charAt(at)) && s.charAt(at) != '$') at++;
            String name = s.substring(start, at);
            return KEYWORDS.contains(name) ? null : name;
        }
    }
}
