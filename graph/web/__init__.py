"""The analyst's workspace: the HTTP server, its query processes, pages and static files."""
