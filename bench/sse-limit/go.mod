module ssestatic

go 1.19
