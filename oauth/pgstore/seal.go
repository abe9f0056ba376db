package pgstore

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
)

// sealer encrypts tokens at rest with AES-GCM. The row's key is the
// additional data, so a sealed token copied to another key's row does not
// open.
type sealer struct{ aead cipher.AEAD }

func newSealer(key []byte) (*sealer, error) {
	switch len(key) {
	case 16, 24, 32:
	default:
		return nil, fmt.Errorf("%w: %d bytes, want 16, 24 or 32 (AES-128, -192, -256)", ErrInvalidKey, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidKey, err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidKey, err)
	}
	return &sealer{aead: aead}, nil
}

func additionalData(key string) []byte { return append([]byte("factorial-oauth-token\x00"), key...) }

// seal returns nonce || ciphertext; a random 96-bit nonce per token.
func (s *sealer) seal(key string, plain []byte) ([]byte, error) {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return s.aead.Seal(nonce, nonce, plain, additionalData(key)), nil
}

func (s *sealer) open(key string, sealed []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(sealed) < n+s.aead.Overhead() {
		return nil, errors.New("sealed token too short")
	}
	return s.aead.Open(nil, sealed[:n], sealed[n:], additionalData(key))
}
