// The limit for SSE fan-out on this machine: Go's net/http pushing one precomputed event of the given size to every
// connected client when /trigger is called, with no other work. ids are "<n>" so ssefan can read them.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18095", "listen address")
	size := flag.Int("size", 1600, "bytes of each event's data")
	flag.Parse()
	var mu sync.Mutex
	subs := map[chan []byte]struct{}{}
	version := 1
	data := strings.Repeat("x", *size)
	event := func(v int) []byte { return []byte(fmt.Sprintf("id: %d\nevent: delta\ndata: %s\n\n", v, data)) }
	http.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		fl := w.(http.Flusher)
		w.Header().Set("Content-Type", "text/event-stream")
		ch := make(chan []byte, 4)
		mu.Lock()
		subs[ch] = struct{}{}
		first := event(version)
		mu.Unlock()
		defer func() { mu.Lock(); delete(subs, ch); mu.Unlock() }()
		w.Write(first)
		fl.Flush()
		for {
			select {
			case <-r.Context().Done():
				return
			case msg := <-ch:
				w.Write(msg)
				fl.Flush()
			}
		}
	})
	http.HandleFunc("/trigger", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		version++
		b := event(version)
		for ch := range subs {
			select {
			case ch <- b:
			default:
			}
		}
		mu.Unlock()
	})
	http.ListenAndServe(*addr, nil)
}
