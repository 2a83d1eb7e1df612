import { describe, expect, it } from 'vitest';
import { UnsupportedUrlError } from '../../../src/errors';
import { AllowList, blockedHostReason, blockedReason } from '../../../src/ingest/address';
import { articleIdForUrl, canonicalUrl, parseFetchUrl } from '../../../src/ingest/url';

describe('canonicalUrl', () => {
  it('drops tracking parameters and the fragment, lower-cases scheme and host, sorts the query', () => {
    expect(canonicalUrl('HTTPS://News.CNYES.com:443/news/id/123?utm_source=rss&b=2&fbclid=x&a=1#comments')).toBe('https://news.cnyes.com/news/id/123?a=1&b=2');
  });
  it('gives the same article id to the same article reached through different links', () => {
    const a = articleIdForUrl('https://news.example.com/a/1?utm_medium=feed&utm_campaign=tw');
    const b = articleIdForUrl('https://NEWS.example.com/a/1#top');
    const c = articleIdForUrl('https://news.example.com/a/2');
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
    expect(a.id).toMatch(/^art_[0-9a-f]{20}$/);
  });
  it('resolves relative links against a base', () => {
    expect(canonicalUrl('../b/2.html', 'https://x.example/a/c/1.html')).toBe('https://x.example/a/b/2.html');
  });
  it('refuses schemes other than http and https, and credentials', () => {
    expect(() => parseFetchUrl('file:///etc/passwd')).toThrow(UnsupportedUrlError);
    expect(() => parseFetchUrl('gopher://x.example/')).toThrow(/scheme gopher/);
    expect(() => parseFetchUrl('http://user:pw@x.example/')).toThrow(UnsupportedUrlError);
    expect(() => parseFetchUrl('not a url')).toThrow(UnsupportedUrlError);
  });
});

describe('blocked addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['0.0.0.0', 'this network'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
  ])('%s is refused as %s', (addr, why) => {
    expect(blockedReason(addr)).toContain(why);
  });
  // Every IPv6 spelling that carries an IPv4 is judged as that IPv4 (issue 17).
  it.each([
    ['::7f00:1', 'IPv4-compatible IPv6 address of 127.0.0.1, a loopback'],
    ['::127.0.0.1', 'IPv4-compatible IPv6 address of 127.0.0.1, a loopback'],
    ['0:0:0:0:0:0:127.0.0.1', 'IPv4-compatible IPv6 address of 127.0.0.1'],
    ['::a00:5', '10.0.0.5, a private'],
    ['::808:808', 'deprecated IPv4-compatible'],
    ['::ffff:0:7f00:1', 'IPv4-translated IPv6 address of 127.0.0.1, a loopback'],
    ['::ffff:0:127.0.0.1', 'IPv4-translated IPv6 address of 127.0.0.1'],
    ['0:0:0:0:0:ffff:127.0.0.1', 'IPv4-mapped IPv6 address of 127.0.0.1'],
    ['::FFFF:7F00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 IPv6 address of 169.254.169.254, a cloud metadata'],
    ['64:ff9b:1::7f00:1', 'NAT64'],
    ['2002:7f00:1::', '6to4 IPv6 address of 127.0.0.1'],
    ['2002:c0a8:101::1', '6to4 IPv6 address of 192.168.1.1, a private'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo IPv6 address of 127.0.0.1'],
  ])('%s carries a blocked IPv4 (%s)', (addr, why) => {
    expect(blockedReason(addr)).toContain(why);
  });
  it.each(['8.8.8.8', '203.69.1.1', '2001:4860:4860::8888', '172.32.0.1', '::ffff:808:808', '2002:808:808::1'])('%s is public', (addr) => {
    expect(blockedReason(addr)).toBeNull();
  });
  it('refuses metadata names whatever they resolve to; other names are judged by their addresses', () => {
    expect(blockedHostReason('metadata.google.internal')).toContain('metadata');
    expect(blockedHostReason('localhost')).toBeNull();
    expect(blockedHostReason('news.example.com')).toBeNull();
  });
});

describe('AllowList', () => {
  const allow = new AllowList(['feeds.corp', '*.intra.example', '127.0.0.1', '10.8.0.0/16']);
  it('matches host names exactly or by suffix', () => {
    expect(allow.allowsHost('feeds.corp')).toBe(true);
    expect(allow.allowsHost('FEEDS.corp.')).toBe(true);
    expect(allow.allowsHost('news.intra.example')).toBe(true);
    expect(allow.allowsHost('intra.example.evil.com')).toBe(false);
    expect(allow.allowsHost('other.corp')).toBe(false);
  });
  it('matches addresses and CIDRs, not their neighbours', () => {
    expect(allow.allowsAddress('127.0.0.1')).toBe(true);
    expect(allow.allowsAddress('127.0.0.2')).toBe(false);
    expect(allow.allowsAddress('10.8.200.1')).toBe(true);
    expect(allow.allowsAddress('10.9.0.1')).toBe(false);
    expect(new AllowList([]).allowsAddress('127.0.0.1')).toBe(false);
  });
});
