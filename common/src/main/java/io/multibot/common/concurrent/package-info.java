/** Small concurrency helpers both servers share. */
package io.multibot.common.concurrent;
