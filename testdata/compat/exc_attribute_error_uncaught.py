class Thing:
    pass
Thing().missing_attribute
