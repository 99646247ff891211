"""The Contacts tab: site staff and their delegation log, sponsor, registry and service contacts."""
