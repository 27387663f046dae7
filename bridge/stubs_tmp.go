package bridge

func installImport() {}
