import os
import time
import hashlib
import secrets
from flask import Flask, jsonify

app = Flask(__name__)
user_sessions = {}


@app.route('/auth/verify')
def verify_auth():
    start_time = time.time()
    session_id = secrets.token_hex(32)
    user_data = {
        "session_id": session_id,
        "permissions": ["read", "write", "admin"] * 100,
        "metadata": {f"key_{i}": f"value_{i}" * 50 for i in range(100)},
        "timestamps": [time.time() + i for i in range(1000)]
    }
    user_sessions[session_id] = user_data

    for i in range(1000):
        hashlib.sha256(f"auth_token_{i}_{session_id}".encode()).hexdigest()

    if len(user_sessions) > 50:
        oldest_sessions = list(user_sessions.keys())[:25]
        for old_session in oldest_sessions:
            del user_sessions[old_session]

    processing_time = time.time() - start_time
    return jsonify({
        "service": "auth",
        "authenticated": True,
        "session_id": session_id,
        "processing_time_ms": processing_time * 1000,
        "active_sessions": len(user_sessions)
    })


@app.route('/health')
def health_check():
    return jsonify({"status": "healthy", "service": "auth", "memory_usage_sessions": len(user_sessions)})


if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.getenv('PORT', '8082')))
