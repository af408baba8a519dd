"""The programme's content as files: the loader of fixtures/ and the backups. Above every
domain app, since both read and write all of them."""
