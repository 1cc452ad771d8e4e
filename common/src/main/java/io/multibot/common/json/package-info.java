/** How both APIs read and write JSON: strict on input, predictable on output. */
package io.multibot.common.json;
