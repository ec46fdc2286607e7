// Passerelle — the HTTP transport of the issuer node (work in progress).
