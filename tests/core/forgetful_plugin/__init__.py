"""A plugin that declares a table and forgot to make its migration."""
