/**
 * What every channel adapter plugs into ({@link org.greendesk.channel.ChannelModule}); the adapters themselves are
 * in sub-packages, one a platform, and import neither one another nor this package's callers.
 */
@NullMarked
package org.greendesk.channel;

import org.jspecify.annotations.NullMarked;
