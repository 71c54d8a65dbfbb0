/** Console progress reporting built on {@link io.kindling.JobListener}. */
package io.kindling.progress;
