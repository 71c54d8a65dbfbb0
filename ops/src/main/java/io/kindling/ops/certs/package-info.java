/** A test certificate authority and node keystores for the tls-tcp transport, made with the JDK's keytool. */
package io.kindling.ops.certs;
