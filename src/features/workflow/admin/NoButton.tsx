/**
 * Renders nothing. Replaces Payload's own "Unpublish" action on articles: unpublishing goes
 * through the workflow ("Unpublish" in the workflow panel) so it is checked and audited.
 */
export const NoButton = () => null
