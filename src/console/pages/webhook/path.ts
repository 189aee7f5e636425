/** A subscription's page, under which its actions post. */
export const webhookPath = (id: string) => `/console/webhooks/${encodeURIComponent(id)}`;
