//go:build !race

package synchronize

func raceReleased(*SemLock) {}

func raceAcquired(*SemLock) {}
