# The language a posting is written in: chosen on the posting form, shown on
# the posting page; search reads the posting's text in that language.

vocab-written_in-en = English
vocab-written_in-es = Spanish (español)
posting-language-label = Language of this posting
posting-language-hint = The language of the title and description. Search reads the posting in this language, and screen readers pronounce it correctly.
posting-language-fact = Written in
posting-language-invalid = Choose the language of the posting from the list.
