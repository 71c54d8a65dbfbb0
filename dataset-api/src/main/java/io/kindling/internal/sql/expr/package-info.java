/**
 * DataFrame expressions as immutable trees: unresolved as users build them with {@code Column}, resolved
 * (typed, bound to attributes by id) once analysis has checked them. The engine compiles resolved trees into
 * batch evaluators.
 */
package io.kindling.internal.sql.expr;
