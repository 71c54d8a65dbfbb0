/** Stage planning: lineage cut at shuffle dependencies into a DAG of stages. Pure Java, no actors. */
package io.kindling.engine.plan;
