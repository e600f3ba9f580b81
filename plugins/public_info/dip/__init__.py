"""The information list (Daftar Informasi Publik): documents, their class and their files."""
