/** Data types of DataFrame columns: atomic types in {@link io.kindling.sql.types.DataTypes}, arrays, structs. */
package io.kindling.sql.types;
