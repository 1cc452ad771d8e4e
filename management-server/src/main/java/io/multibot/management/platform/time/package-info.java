/** Time as the application sees it: one injectable UTC clock. */
package io.multibot.management.platform.time;
