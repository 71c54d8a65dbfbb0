/** The driver side of the runtime: the SessionDriver, one JobActor per action, and the map output tracker. */
package io.kindling.actors.driver;
